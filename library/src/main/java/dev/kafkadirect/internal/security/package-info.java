/** Errors of authentication and authorization, explained with the settings at fault and without secrets. */
package dev.kafkadirect.internal.security;
