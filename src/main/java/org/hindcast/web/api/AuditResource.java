package org.hindcast.web.api;

import org.hindcast.audit.AuditEntry;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.hindcast.common.PageOf;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

@Path("/api/audit")
@RolesAllowed("ADMIN")
public class AuditResource {

    public record AuditView(long id, OffsetDateTime at, String actor, String action, String entity, String entityId,
                            String detail) {
    }

    @Operation(summary = "The audit log", description = "Every write: who, when, what; newest first, paged.")
    @GET
    public PageOf<AuditView> list(@QueryParam("entity") String entity,
                                  @QueryParam("entityId") String entityId,
                                  @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
                                  @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (entity != null) {
            // a paper was called a source until the API said paper: the older entries keep the name they were written with
            where.append(" and entity in :entity");
            params.put("entity", entity.equals("paper") || entity.equals("source") ? java.util.List.of("paper", "source")
                    : java.util.List.of(entity));
        }
        if (entityId != null) {
            where.append(" and entityId = :entityId");
            params.put("entityId", entityId);
        }
        PanacheQuery<AuditEntry> query = AuditEntry.find(where.toString(), Sort.descending("id"), params);
        long total = query.count();
        return new PageOf<>(query.page(Page.of(page, size)).list().stream()
                .map(a -> new AuditView(a.id, a.at, a.actor, a.action, a.entity, a.entityId, a.detail)).toList(),
                page, size, total);
    }
}
