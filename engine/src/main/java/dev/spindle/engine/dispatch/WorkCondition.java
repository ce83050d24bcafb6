package dev.spindle.engine.dispatch;

/** Re-checked by a thread about to park, after it announced that it parks. */
@FunctionalInterface
interface WorkCondition
{
    boolean hasWork();
}
