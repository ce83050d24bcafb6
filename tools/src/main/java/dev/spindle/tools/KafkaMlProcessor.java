package dev.spindle.tools;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import dev.spindle.engine.Batch;
import dev.spindle.engine.BatchProcessor;
import dev.spindle.journal.json.Json;
import dev.spindle.kafka.KafkaRecord;
import dev.spindle.tools.ml.Category;
import dev.spindle.tools.ml.CategoryModel;
import dev.spindle.tools.ml.Projection;
import dev.spindle.tools.ml.TextEmbedder;

/**
 * {@code spindle kafka --processor ml}: each record's value is a document (UTF-8 text, its first
 * text-cap bytes embedded, as the ML processor embeds a file), embedded a batch at a time. The output
 * value is UTF-8 JSON: {@code {"embedding":[256 floats, unit length],"categories":[{"name":..,"score":..}]}},
 * categories best first and empty without {@code --model}. No result cache: a record is seen once.
 */
final class KafkaMlProcessor implements BatchProcessor<KafkaRecord>
{
    private final ThreadLocal<TextEmbedder> embedders;
    private final ThreadLocal<byte[][]> documents = ThreadLocal.withInitial(() -> new byte[64][]);
    private final CategoryModel model;
    private final int topK;

    KafkaMlProcessor(final Supplier<Projection> projection, final CategoryModel model, final int topK)
    {
        this.embedders = ThreadLocal.withInitial(() -> new TextEmbedder(projection.get(), model == null ? null : model.weights()));
        this.model = model;
        this.topK = topK;
    }

    @Override
    public void process(final Batch<KafkaRecord> batch)
    {
        byte[][] values = documents.get();
        if (values.length < batch.size())
        {
            values = new byte[Math.max(batch.size(), values.length * 2)][];
            documents.set(values);
        }
        for (int i = 0; i < batch.size(); i++)
        {
            values[i] = batch.item(i).value();
        }
        final TextEmbedder embedder = embedders.get();
        final float[][] embeddings = embedder.embed(values, batch.size());
        for (int i = 0; i < batch.size(); i++)
        {
            values[i] = null;
            final float[] embedding = embeddings[i];
            final List<Category> categories = model == null ? List.of() : model.topK(embedding, embedder.features(i), topK);
            batch.succeed(i, Json.write(json ->
            {
                json.writeStartObject();
                json.writeArrayPropertyStart("embedding");
                for (final float v : embedding)
                {
                    json.writeNumber(v);
                }
                json.writeEndArray();
                json.writeArrayPropertyStart("categories");
                for (final Category category : categories)
                {
                    json.writeStartObject();
                    json.writeStringProperty("name", category.name());
                    json.writeNumberProperty("score", category.score());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }).getBytes(StandardCharsets.UTF_8));
        }
    }
}
