import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotFoundSection } from "@/components/NotFoundSection";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("common.notFound"))("metaTitle") };
}

export default function NotFound() {
  return <NotFoundSection namespace="common.notFound" />;
}
