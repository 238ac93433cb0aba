/**
 * The documentation metadata of the open-data API's schemas, kept in a registry of its own rather than zod's global
 * one, so that the OpenAPI document (lib/http/openapi.ts) holds exactly the schemas registered here and nothing that
 * another module might add to the global registry.
 */
import { z } from "zod";

export interface ApiDocMeta {
  /** Makes the schema a named component of the OpenAPI document (`#/components/schemas/<id>`). */
  readonly id?: string;
  readonly description?: string;
  /** JSON Schema's `format` (e.g. `date`), for what a pattern alone does not say. */
  readonly format?: string;
  /** A parameter's example value: what the OpenAPI document shows and the tests call the endpoint with. */
  readonly example?: string;
  readonly examples?: readonly unknown[];
}

export const apiDocs = z.registry<ApiDocMeta>();
