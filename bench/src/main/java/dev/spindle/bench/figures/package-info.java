/**
 * The engine figures of bench/RESULTS.md, measured one scenario per JVM fork: {@link Figures} forks
 * {@link FigureRun} once per engine, scenario and round (rounds rotate the engine order), and reports
 * medians over the forks with their spread, and each figure as a ratio to its baseline in the same round.
 */
package dev.spindle.bench.figures;
