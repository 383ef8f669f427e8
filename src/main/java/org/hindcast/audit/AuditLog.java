package org.hindcast.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Writes the audit record of a change inside the transaction of that change (MANDATORY), so the
 * log and the data can never disagree: both commit or neither does.
 */
@ApplicationScoped
public class AuditLog {

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String entity, Object entityId, String detail) {
        AuditEntry entry = new AuditEntry();
        entry.actor = actor;
        entry.action = action;
        entry.entity = entity;
        entry.entityId = String.valueOf(entityId);
        entry.detail = detail;
        entry.persist();
    }
}
