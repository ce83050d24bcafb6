package dev.spindle.journal;

/**
 * One Chronicle Queue document of the journal: a frame of the records the writer drained from its ring
 * in one go, so Chronicle's per-document cost is paid per frame, not per record; the price is that a
 * frame torn by a crash is lost as a unit. The records are the ring's own, byte for byte (Agrona's
 * record layout), so a frame is written with one copy. Little-endian; as of {@link JournalFormat#VERSION}:
 * <pre>
 *   0  int  MAGIC ("SPJF")
 *   4  int  format version
 *   8  int  record count
 *  12  int  payload length (bytes of records after the header)
 *  16  records, each 8-aligned: int length (header + body, unpadded), int type, body, zero padding
 * </pre>
 * Record bodies are laid out by the {@code *Descriptor} classes; text fields are an unsigned short
 * byte count (0xFFFF for null) and UTF-8.
 */
final class FrameDescriptor
{
    /** "SPJF" in file order. */
    static final int MAGIC = 'S' | 'P' << 8 | 'J' << 16 | 'F' << 24;
    static final int MAGIC_OFFSET = 0;
    static final int VERSION_OFFSET = 4;
    static final int RECORD_COUNT_OFFSET = 8;
    static final int PAYLOAD_LENGTH_OFFSET = 12;
    static final int HEADER_LENGTH = 16;

    static final int RECORD_LENGTH_OFFSET = 0;
    static final int RECORD_TYPE_OFFSET = 4;
    static final int RECORD_HEADER_LENGTH = 8;
    static final int RECORD_ALIGNMENT = 8;

    private FrameDescriptor()
    {
    }

    static int align(final int length)
    {
        return (length + RECORD_ALIGNMENT - 1) & -RECORD_ALIGNMENT;
    }
}
