// Shared by the bench's children: CPU-time rates in interleaved rounds (on a shared machine, time
// spent preempted by other work is not counted), medians, and the one-line JSON result a child prints.

const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/** Operations per CPU-second of this process, over one slice of `sliceMs` CPU milliseconds. */
export async function opsPerCpuSecond(fn: () => unknown, sliceMs: number): Promise<number> {
  let n = 0;
  const start = cpuMs();
  let now = start;
  while (now - start < sliceMs) {
    for (let i = 0; i < 20; i++) await fn();
    n += 20;
    now = cpuMs();
  }
  return (n * 1000) / (now - start);
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Interleaved rounds: every case once per round, so each ratio compares cases measured side by side. */
export async function interleaved(
  cases: Record<string, () => unknown>,
  options: { rounds: number; sliceMs: number },
): Promise<Record<string, number[]>> {
  const rates: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  for (const fn of Object.values(cases)) for (let i = 0; i < 200; i++) await fn(); // warm-up
  for (let round = 0; round < options.rounds; round++)
    for (const [name, fn] of Object.entries(cases)) rates[name].push(await opsPerCpuSecond(fn, options.sliceMs));
  return rates;
}

/** The median over rounds of `case / reference` measured in the same round. */
export const medianRatio = (values: number[], reference: number[]) => median(values.map((v, i) => v / reference[i]));

/** A child's result: one line the runner parses. */
export function report(result: unknown): void {
  console.log(`BENCH-RESULT ${JSON.stringify(result)}`);
}
