package org.hindcast.forecasts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;

/** A correction of a resolved forecast, waiting for a second staff member (or decided by one). */
@org.hindcast.common.StorableText
@Entity
@Table(name = "correction_proposal")
public class CorrectionProposal extends PanacheEntityBase {

    public enum Status { PENDING, APPROVED, REJECTED, STALE }

    /** A correction of what the forecast said, or its withdrawal. */
    public enum Kind { CORRECTION, WITHDRAWAL }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "forecast_id")
    public Forecast forecast;

    @Column(name = "forecast_version", nullable = false)
    public long forecastVersion;

    @Column(name = "proposed_by", nullable = false)
    public String proposedBy;

    @Column(name = "proposed_at", nullable = false)
    public OffsetDateTime proposedAt = OffsetDateTime.now();

    @NotBlank
    @Size(max = 2000)
    public String reason;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Kind kind = Kind.CORRECTION;

    /** The correction as JSON (ForecastInput.Correction); "{}" for a withdrawal. */
    @Column(nullable = false)
    public String changes;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status = Status.PENDING;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Size(max = 2000)
    @Column(name = "decision_note")
    public String decisionNote;

    /** What a corpus file said of the forecast when an import proposed this correction; null for a person's proposal. */
    @Column(name = "corpus_hash")
    public String corpusHash;

    @Version
    public long version;

    public static List<CorrectionProposal> of(long forecastId) {
        return list("forecast.id = ?1 order by id", forecastId);
    }
}
