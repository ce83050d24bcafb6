/**
 * Internal: the engine's one background thread and what it does at its own pace, never per item:
 * the watchdog, closing metrics intervals, feeding the cost model and moving the tuner's knobs.
 */
package dev.spindle.engine.housekeeping;
