import { NotFoundSection } from "@/components/NotFoundSection";

export default function ScorecardNotFound() {
  return <NotFoundSection namespace="scorecard.notFound" />;
}
