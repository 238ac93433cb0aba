/** Types of next.config.mjs (plain JavaScript: `next start` loads it untranspiled). */
import type { NextConfig } from "next";

export default function config(phase: string): Promise<NextConfig>;
