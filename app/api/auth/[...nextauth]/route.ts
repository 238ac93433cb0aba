import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";

// NextAuth's App Router handler; the options are built on the first request, not at import (lib/auth/options.ts).
async function handler(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  return (await NextAuth(request, context, getAuthOptions())) as Response;
}

export { handler as GET, handler as POST };
