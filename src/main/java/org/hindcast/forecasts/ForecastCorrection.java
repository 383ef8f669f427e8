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

import java.time.OffsetDateTime;
import java.util.List;

/** One field of a logged forecast changed: who, when, why, and the value it had before. */
@org.hindcast.common.StorableText
@Entity
@Table(name = "forecast_correction")
public class ForecastCorrection extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "forecast_id")
    public Forecast forecast;

    @Column(nullable = false)
    public String field;

    @Column(name = "old_value")
    public String oldValue;

    @Column(name = "new_value")
    public String newValue;

    @Column(nullable = false)
    public String reason;

    @Column(name = "corrected_by", nullable = false)
    public String correctedBy;

    /** The second staff member who approved it, for a correction made after the verdict. */
    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "corrected_at", nullable = false)
    public OffsetDateTime correctedAt = OffsetDateTime.now();

    public static List<ForecastCorrection> of(long forecastId) {
        return list("forecast.id = ?1 order by id", forecastId);
    }
}
