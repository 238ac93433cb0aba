import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";
import { withRequest } from "@/lib/http/with-request";

// NextAuth's App Router handler; the options are built on the first request, not at import (lib/auth/options.ts).
async function handler(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  return (await NextAuth(request, context, getAuthOptions())) as Response;
}

export const GET = withRequest(handler);

export const POST = withRequest(handler);
