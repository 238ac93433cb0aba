import { useFormat } from "@/lib/i18n/format";

/** A commitment's progress: the bar and the number, so the value is readable without the bar. */
export function ProgressBar({ value, labelId }: { value: number; labelId: string }) {
  const f = useFormat();
  return (
    <div className="flex items-center gap-3">
      <progress
        aria-labelledby={labelId}
        max={100}
        value={value}
        className="h-2.5 w-full max-w-xs appearance-none overflow-hidden rounded-full bg-stone-200 [&::-moz-progress-bar]:bg-stone-700 [&::-webkit-progress-bar]:bg-stone-200 [&::-webkit-progress-value]:bg-stone-700"
      >
        {f.percent(value)}
      </progress>
      <span className="font-semibold tabular-nums">{f.percent(value)}</span>
    </div>
  );
}
