package org.hindcast.forecasts;

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
import jakarta.persistence.Version;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hindcast.authors.Author;
import org.hindcast.papers.Paper;
import org.hindcast.themes.Theme;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Set;

@org.hindcast.common.StorableText
@Entity
@Table(name = "forecast")
public class Forecast extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "paper_id")
    public Paper paper;

    /** The claim in plain words, written so that a reviewer can say true or false. */
    @NotBlank
    @Size(max = 2000)
    public String statement;

    /** The sentence as printed in the paper. Changes only through a correction. */
    @NotBlank
    @Size(max = 4000)
    public String quote;

    @NotNull
    @Enumerated(EnumType.STRING)
    public Speaker speaker = Speaker.AUTHORS;

    @Size(max = 300)
    @Column(name = "third_party")
    public String thirdParty;

    @Size(max = 2000)
    public String condition;

    @Size(max = 200)
    public String phrase;

    @DecimalMin(value = "0", inclusive = false)
    @DecimalMax(value = "1", inclusive = false)
    public double probability;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "probability_basis")
    public ProbabilityBasis probabilityBasis;

    @Size(max = 32)
    @Column(name = "phrase_table_version")
    public String phraseTableVersion;

    @NotNull
    @Column(name = "made_on")
    public LocalDate madeOn;

    @NotNull
    @Column(name = "resolve_by")
    public LocalDate resolveBy;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "resolve_by_basis")
    public ResolveByBasis resolveByBasis;

    @Size(max = 1000)
    @Column(name = "resolve_by_note")
    public String resolveByNote;

    @Size(max = 2000)
    @Column(name = "resolution_criteria")
    public String resolutionCriteria;

    /** The latest resolution's outcome, kept on the row by ResolutionService. */
    @NotNull
    @Enumerated(EnumType.STRING)
    public ForecastStatus status = ForecastStatus.PENDING;

    @Column(name = "outcome_credit")
    public Double outcomeCredit;

    @Column(name = "resolved_on")
    public LocalDate resolvedOn;

    /** Where the quote stands in the paper's stored text, for a forecast accepted from a candidate. */
    @Column(name = "quote_start")
    public Integer quoteStart;

    @Column(name = "quote_end")
    public Integer quoteEnd;

    /** The forecast's key in its paper's corpus file, for forecasts that came from one. */
    @Column(name = "corpus_key")
    public String corpusKey;

    /** The forecast logged first from the same quote of this paper, when one sentence holds two forecasts. */
    @jakarta.persistence.ManyToOne(fetch = jakarta.persistence.FetchType.LAZY)
    @jakarta.persistence.JoinColumn(name = "same_quote_as")
    public Forecast sameQuoteAs;

    @Column(name = "created_by", updatable = false)
    public String createdBy;

    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt = OffsetDateTime.now();

    @Version
    public long version;

    @ManyToMany
    @JoinTable(name = "forecast_theme", joinColumns = @JoinColumn(name = "forecast_id"),
            inverseJoinColumns = @JoinColumn(name = "theme_id"))
    @OrderBy("name")
    public Set<Theme> themes = new LinkedHashSet<>();

    /** Whom the forecast scores for: the paper's authors by default, nobody for a third party's forecast. */
    @ManyToMany
    @JoinTable(name = "forecast_author", joinColumns = @JoinColumn(name = "forecast_id"),
            inverseJoinColumns = @JoinColumn(name = "author_id"))
    @OrderBy("displayName")
    public Set<Author> authors = new LinkedHashSet<>();

    public boolean overdue(LocalDate today) {
        return status == ForecastStatus.PENDING && resolveBy.isBefore(today);
    }
}
