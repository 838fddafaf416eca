package gov.gsb.admin.model;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param items this page's items
 * @param page its number, from 0
 * @param size the page size asked for
 * @param hasMore whether a next page has items
 * @param <T> the items' type
 */
public record Page<T>(List<T> items, int page, int size, boolean hasMore) {
}
