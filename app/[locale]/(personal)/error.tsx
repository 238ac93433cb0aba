"use client"; // Error boundaries must be Client Components.
export { default } from "../(public)/error";
