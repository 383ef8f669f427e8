package org.hindcast.evidence;

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
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hindcast.forecasts.Forecast;
import org.hindcast.papers.Paper;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Something that happened after a forecast was made, with where it was reported. Never edited. */
@org.hindcast.common.StorableText
@Entity
@Table(name = "evidence")
public class Evidence extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "forecast_id")
    public Forecast forecast;

    @NotBlank
    @Size(max = 4000)
    public String summary;

    @NotNull
    @Column(name = "observed_on")
    public LocalDate observedOn;

    @Size(max = 2000)
    @Column(name = "citation_url")
    public String citationUrl;

    /** A later paper in the ledger that reports what happened, instead of a URL. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "cited_paper_id")
    public Paper citedPaper;

    @Size(max = 1000)
    @Column(name = "citation_note")
    public String citationNote;

    @NotNull
    @Enumerated(EnumType.STRING)
    public Stance stance;

    /** The sentence as the source prints it, when the evidence quotes it. */
    @Size(max = 4000)
    public String quote;

    /** Where the quote stands in the cited paper's stored text, when that text is stored. */
    @Column(name = "quote_start")
    public Integer quoteStart;

    @Column(name = "quote_end")
    public Integer quoteEnd;

    @Column(name = "added_by", nullable = false, updatable = false)
    public String addedBy;

    @Column(name = "added_at", nullable = false, updatable = false)
    public OffsetDateTime addedAt = OffsetDateTime.now();

    public static List<Evidence> of(long forecastId) {
        return list("forecast.id = ?1 order by observedOn, id", forecastId);
    }
}
