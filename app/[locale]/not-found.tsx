import { SiteFrame } from "@/components/SiteFrame";
import SiteNotFound from "./(public)/not-found";

/** An address no page answers: outside the site's layout, so the frame comes with the page. */
export default function NotFound() {
  return (
    <SiteFrame>
      <SiteNotFound />
    </SiteFrame>
  );
}
