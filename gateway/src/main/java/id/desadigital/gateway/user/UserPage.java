package id.desadigital.gateway.user;

import java.util.List;

/** One page of a list, as every list endpoint of the API answers: {"items","page","size","total"}. */
public record UserPage<T>(List<T> items, int page, int size, long total) {
}
