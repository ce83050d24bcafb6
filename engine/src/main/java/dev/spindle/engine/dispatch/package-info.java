/**
 * Internal: the hot path from a producer's publish to a worker's outcomes: the ring and its gating,
 * the cutters, the worker pool and their hand-off protocols. Not API; its types change freely.
 */
package dev.spindle.engine.dispatch;
