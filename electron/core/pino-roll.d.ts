// pino-roll ships no types; this declares the part of its API we use.
declare module 'pino-roll' {
  import type { DestinationStream } from 'pino';
  interface PinoRollOptions {
    file: string;
    size?: string | number;
    frequency?: 'daily' | 'hourly' | number;
    extension?: string;
    mkdir?: boolean;
    symlink?: boolean;
    limit?: { count?: number; removeOtherLogFiles?: boolean };
    sync?: boolean;
  }
  interface RollingStream extends DestinationStream {
    flushSync(): void;
    end(): void;
  }
  export default function pinoRoll(options: PinoRollOptions): Promise<RollingStream>;
}
