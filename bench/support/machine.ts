import os from 'node:os';

/** The facts about the machine that a benchmark figure needs beside it. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  /** 1, 5 and 15 minute load averages when read. */
  loadAverage: [number, number, number];
}

export function readMachine(): Machine {
  const cpus = os.cpus();
  const [one = 0, five = 0, fifteen = 0] = os.loadavg();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    loadAverage: [round2(one), round2(five), round2(fifteen)],
  };
}

/** The 1-minute load average per core: above 1 the machine had more runnable work than cores. */
export function loadPerCore(machine: Machine = readMachine()): number {
  return round2(machine.loadAverage[0] / Math.max(1, machine.cores));
}

export function describeMachine(machine: Machine): string {
  return `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node}, load average ${machine.loadAverage.join(' / ')}`;
}

const round2 = (value: number): number => Math.round(value * 100) / 100;
