/** Inputs of the indicator commands: an indicator of a commitment, and its dated observations. */
import type { z } from "zod";
import {
  agreementKey,
  commitmentKey,
  expectedVersion,
  idSchema,
  indicatorFields,
  indicatorKey,
  inputObject,
  observationFields,
} from "./fields";

export const createIndicatorSchema = inputObject({
  agreement: agreementKey,
  commitment: commitmentKey,
  id: idSchema,
  title: indicatorFields.title,
  unit: indicatorFields.unit,
  target: indicatorFields.target.optional(),
});
export type CreateIndicatorInput = z.infer<typeof createIndicatorSchema>;

/** An observation is appended (history is never edited); `expectedVersion` of the indicator as for status updates. */
export const recordObservationSchema = inputObject({
  agreement: agreementKey,
  commitment: commitmentKey,
  indicator: indicatorKey,
  expectedVersion: expectedVersion.optional(),
  on: observationFields.on,
  value: observationFields.value,
  source: observationFields.source,
  quote: observationFields.quote,
});
export type RecordObservationInput = z.infer<typeof recordObservationSchema>;
