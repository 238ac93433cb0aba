import { NotFoundSection } from "@/components/NotFoundSection";

export default function NotFound() {
  return <NotFoundSection namespace="common.notFound" />;
}
