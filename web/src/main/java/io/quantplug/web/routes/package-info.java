/** The API's endpoints, one class per area, each declaring its endpoints into an {@link io.quantplug.web.Api}. */
package io.quantplug.web.routes;
