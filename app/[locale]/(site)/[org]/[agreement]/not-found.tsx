import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotFoundSection } from "@/components/NotFoundSection";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("scorecard.notFound"))("title") };
}

export default function ScorecardNotFound() {
  return <NotFoundSection namespace="scorecard.notFound" />;
}
