import type { Router } from 'express';

/**
 * Each API surface is one file exporting a `MountRoutes`; list it here. `deps` is the gateway's
 * dependency bag (see src/gateway/app.ts), typed loosely here so route files own their needs.
 */
export type MountRoutes<Deps = unknown> = (router: Router, deps: Deps) => void;

export const routeModules: MountRoutes[] = [];
