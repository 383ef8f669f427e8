package org.hindcast.resolutions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hindcast.evidence.Evidence;
import org.hindcast.forecasts.Forecast;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** One verdict on a forecast. Append-only: a re-resolution is a new row with a higher seq and a reason. */
@org.hindcast.common.StorableText
@Entity
@Table(name = "resolution")
public class Resolution extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "forecast_id", updatable = false)
    public Forecast forecast;

    @Column(nullable = false, updatable = false)
    public int seq;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    public Outcome outcome;

    @Column(updatable = false)
    public Double credit;

    @NotNull
    @Column(name = "resolved_on", updatable = false)
    public LocalDate resolvedOn;

    @NotBlank
    @Size(max = 4000)
    @Column(updatable = false)
    public String rationale;

    @Size(max = 2000)
    @Column(updatable = false)
    public String reason;

    @Column(nullable = false, updatable = false)
    public String reviewer;

    /** In UTC and to the microsecond, as PostgreSQL keeps it: the answer to the write shows what a later read shows. */
    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);

    @ManyToMany
    @JoinTable(name = "resolution_evidence", joinColumns = @JoinColumn(name = "resolution_id"),
            inverseJoinColumns = @JoinColumn(name = "evidence_id"))
    @OrderBy("id")
    public List<Evidence> evidence = new ArrayList<>();

    public static List<Resolution> of(long forecastId) {
        return list("forecast.id = ?1 order by seq", forecastId);
    }
}
