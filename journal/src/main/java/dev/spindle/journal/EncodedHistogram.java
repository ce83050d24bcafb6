package dev.spindle.journal;

import java.nio.ByteBuffer;
import org.HdrHistogram.EncodableHistogram;

/**
 * A histogram already in HdrHistogram's compressed encoding, handed to {@code HistogramLogWriter} as it
 * is: the journal writer puts each interval's histograms into the hlog without decoding them into
 * 270 KB count arrays and compressing them again. Only what the log writer asks for is here.
 */
final class EncodedHistogram extends EncodableHistogram
{
    private final byte[] encoding;
    private final long maxValue;
    private long startTimeStamp;
    private long endTimeStamp;
    private String tag;

    EncodedHistogram(final byte[] encoding, final long maxValue)
    {
        this.encoding = encoding;
        this.maxValue = maxValue;
    }

    @Override
    public int getNeededByteBufferCapacity()
    {
        return encoding.length;
    }

    @Override
    public int encodeIntoCompressedByteBuffer(final ByteBuffer targetBuffer, final int compressionLevel)
    {
        targetBuffer.put(encoding);
        return encoding.length;
    }

    @Override
    public long getStartTimeStamp()
    {
        return startTimeStamp;
    }

    @Override
    public void setStartTimeStamp(final long timeStampMsec)
    {
        startTimeStamp = timeStampMsec;
    }

    @Override
    public long getEndTimeStamp()
    {
        return endTimeStamp;
    }

    @Override
    public void setEndTimeStamp(final long timeStampMsec)
    {
        endTimeStamp = timeStampMsec;
    }

    @Override
    public String getTag()
    {
        return tag;
    }

    @Override
    public void setTag(final String tag)
    {
        this.tag = tag;
    }

    @Override
    public double getMaxValueAsDouble()
    {
        return maxValue;
    }
}
