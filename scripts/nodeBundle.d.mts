// Types for nodeBundle.mjs, for the TypeScript that bundles with it (the team tests' child processes).
import type { BuildOptions } from 'esbuild';

/** The project's root folder. */
export declare const root: string;

/** Bundles `entry` into `outfile` (both relative to the project root); `options` add to esbuild's. */
export declare function bundleForNode(entry: string, outfile: string, options?: BuildOptions): Promise<void>;
