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
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.Optional;

/** The record of a forecast's withdrawal: why, by whom, approved by whom after a verdict, and what it was before. */
@org.hindcast.common.StorableText
@Entity
@Table(name = "forecast_withdrawal")
public class ForecastWithdrawal extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "forecast_id")
    public Forecast forecast;

    @NotBlank
    @Size(max = 2000)
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_before", nullable = false)
    public ForecastStatus statusBefore;

    @Column(name = "withdrawn_by", nullable = false)
    public String withdrawnBy;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "withdrawn_at", nullable = false)
    public OffsetDateTime withdrawnAt = OffsetDateTime.now();

    public static Optional<ForecastWithdrawal> of(long forecastId) {
        return find("forecast.id", forecastId).firstResultOptional();
    }
}
