package id.desadigital.platform.web;

import java.util.List;

/** One page of a list, as every list endpoint of the API answers: {"items","page","size","total"}. */
public record PageOf<T>(List<T> items, int page, int size, long total) {
}
