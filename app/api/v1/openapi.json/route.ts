import { openApiEndpoint } from "@/lib/http/endpoints";
import { jsonGet, preflight } from "@/lib/http/handler";
import { openApiDocument } from "@/lib/http/openapi";

export const GET = jsonGet(openApiEndpoint, async () => openApiDocument());

export const OPTIONS = preflight;
