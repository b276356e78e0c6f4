"use client";
// Placeholder hooks; the realtime layer replaces their bodies. Pages call them already.

/** Keeps this tab subscribed to a room while the calling component is mounted. */
export function useLiveRoom(_room: string | null): void {}

/** Tells others in the post that this member is typing (throttled by the caller). */
export function sendTyping(_postId: string): void {}
