package dev.spindle.tools;

import dev.spindle.journal.ItemIdentity;
import dev.spindle.kafka.KafkaRecord;

/**
 * How {@code spindle kafka --journal} names its records: each submission by its id, keyed
 * "topic-partition@offset", sized by its value; the run's processor is "kafka-" + the processor, which
 * is how {@code resume} knows to refuse it (the group's committed offsets, not the journal, say what is done).
 */
final class KafkaJournal
{
    static final String PROCESSOR_PREFIX = "kafka-";
    static final String NO_RESUME = "the group's committed offsets are its progress, not the journal: run 'spindle kafka' again with the"
        + " same --group and it goes on from them";

    static final ItemIdentity<KafkaRecord> IDENTITY = new ItemIdentity<>()
    {
        @Override
        public long id(final KafkaRecord item)
        {
            return item.id();
        }

        @Override
        public String key(final KafkaRecord item)
        {
            return item.journalKey();
        }

        @Override
        public long sizeBytes(final KafkaRecord item)
        {
            return item.value() == null ? 0 : item.value().length;
        }
    };

    private KafkaJournal()
    {
    }

    static boolean isKafkaRun(final String processor)
    {
        return processor != null && processor.startsWith(PROCESSOR_PREFIX);
    }
}
