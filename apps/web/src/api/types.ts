/**
 * Names for the API's bodies the web app reads and sends. Every one is a schema of the OpenAPI
 * document (schema.d.ts, `npm run api:types`), named here only so pages can say `User` rather
 * than `components['schemas']['UserView']`; the API's answers themselves are typed by the
 * client (openapi-fetch) from each route's declared response.
 */
import type { components } from './schema';

export type Schemas = components['schemas'];

export type Language = Schemas['Language'];
export type Role = Schemas['Role'];
export type ActivityType = Schemas['ActivityType'];
export type DeliveryMode = Schemas['DeliveryMode'];
export type RegisterBody = Schemas['RegisterDto'];

export type User = Schemas['UserView'];
export type CatalogueItem = Schemas['CatalogueItem'];
