package dev.spindle.journal;

import java.util.List;
import java.util.Locale;

/**
 * What a damaged journal (a cycle file cut short, an unreadable metadata file) still gave and what it
 * lost. The loss is a lower bound: the bytes and records of the document the cut went through are
 * known, whatever was written after the cut left no trace.
 *
 * @param recordsRecovered records in the frames read before the damage
 * @param bytesLost        bytes of the cut document still in the file, unusable
 * @param recordsLost      records that document's frame declared, when its frame header survived
 * @param places           where each file was cut, in words
 */
public record JournalDamage(long recordsRecovered, long bytesLost, long recordsLost, List<String> places)
{
    public JournalDamage
    {
        places = List.copyOf(places);
    }

    /** One line for an operator. */
    public String summary()
    {
        return String.format(Locale.ROOT, "recovered %,d records; lost at least %,d bytes (%,d records) of a cut document and anything written after it: %s",
            recordsRecovered, bytesLost, recordsLost, String.join("; ", places));
    }
}
