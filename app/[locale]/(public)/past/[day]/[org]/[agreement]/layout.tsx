/** The cached tree's, for the past days' pages (app/[locale]/(public)/past/[day]/[org]/[agreement]/page.tsx). */
export { default } from "@/app/[locale]/(public)/asof/[day]/[org]/[agreement]/layout";
