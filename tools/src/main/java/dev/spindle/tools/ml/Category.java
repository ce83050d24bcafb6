package dev.spindle.tools.ml;

/** One assigned category and its cosine similarity to the category's centroid (-1..1). */
public record Category(String name, double score)
{
}
