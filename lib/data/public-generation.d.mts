/** Types of public-generation.mjs (plain JavaScript: the ISR cache handler loads it untranspiled). */
export function publicGeneration(): number;
export function nextPublicGeneration(): void;
