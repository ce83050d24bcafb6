/**
 * What the engine measures and reports: per-worker recorders written on the hot path without
 * allocation or locks, and the interval snapshots, run report and MXBean built from them.
 */
package dev.spindle.engine.metrics;
