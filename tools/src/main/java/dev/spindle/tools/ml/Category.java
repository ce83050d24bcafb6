package dev.spindle.tools.ml;

/** One assigned category and its score: a probability (0..1) from a linear model, a cosine (-1..1) from centroids. */
public record Category(String name, double score)
{
}
