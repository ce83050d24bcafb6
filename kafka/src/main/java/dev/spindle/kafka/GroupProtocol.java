package dev.spindle.kafka;

/** The consumer group protocol: KIP-848's broker-driven {@code consumer} (the default) or the {@code classic} one. */
public enum GroupProtocol
{
    CONSUMER("consumer"),
    CLASSIC("classic");

    private final String configValue;

    GroupProtocol(final String configValue)
    {
        this.configValue = configValue;
    }

    /** The value of the consumer's {@code group.protocol}. */
    public String configValue()
    {
        return configValue;
    }

    public static GroupProtocol of(final String name)
    {
        for (final GroupProtocol protocol : values())
        {
            if (protocol.configValue.equalsIgnoreCase(name))
            {
                return protocol;
            }
        }
        throw new IllegalArgumentException("group protocol must be consumer or classic, was " + name);
    }
}
