/**
 * The REST API under {@code /api} (the portal will live beside it): resources, the one exception mapper that makes
 * every error an {@code application/problem+json}, and the OIDC tenant choice that keeps {@code /api} bearer-only.
 */
package gov.gsb.admin.rest;
