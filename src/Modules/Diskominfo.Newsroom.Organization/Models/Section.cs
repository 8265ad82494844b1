using Diskominfo.Newsroom.Abstractions.Organization;

namespace Diskominfo.Newsroom.Organization.Models;

/// <summary>
/// A bidang or a seksi of the office (<c>organization_sections</c>). Never deleted, so that the items and people placed
/// in it keep a name: an admin deactivates it instead.
/// </summary>
internal sealed class Section
{
    public const int NameMaxLength = 150;
    public const int CodeMaxLength = 20;

    public Guid Id { get; set; }

    /// <summary><see cref="SectionKinds.Bidang"/> or <see cref="SectionKinds.Seksi"/>.</summary>
    public string Kind { get; set; } = SectionKinds.Seksi;

    public string Name { get; set; } = "";

    /// <summary>An optional short code the office uses in letters ("IKP").</summary>
    public string? Code { get; set; }

    /// <summary>A seksi's bidang; null for a bidang.</summary>
    public Guid? ParentId { get; set; }

    public bool Active { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsBidang => Kind == SectionKinds.Bidang;

    public bool IsSeksi => Kind == SectionKinds.Seksi;

    /// <summary>"Bidang Informasi dan Komunikasi Publik", "Seksi Penyiaran".</summary>
    public string FullName => $"{(IsBidang ? "Bidang" : "Seksi")} {Name}";

    public OrgSection ToContract() => new(Id, Kind, Name, ParentId, Active, Code);

    /// <summary>The values the audit log keeps before and after a change.</summary>
    public Dictionary<string, string?> AuditValues() => new()
    {
        ["kind"] = Kind,
        ["name"] = Name,
        ["code"] = Code,
        ["parentId"] = ParentId?.ToString(),
        ["active"] = Active ? "true" : "false",
    };

    /// <summary>
    /// Checks a bidang or seksi as it would be after a change (<paramref name="self"/> null for a new one) against the rest
    /// of the structure: a known kind; a name, unique among the active sections of its kind; a seksi under an active bidang
    /// (an inactive seksi may keep an inactive one), a bidang under nothing; no bidang deactivated while it has active seksi.
    /// The errors are keyed by the API's field names.
    /// </summary>
    public static Dictionary<string, string[]> Check(
        Section? self, string? kind, string? name, string? code, Guid? parentId, bool active, IReadOnlyCollection<Section> all)
    {
        var errors = new Dictionary<string, string[]>();
        if (!SectionKinds.IsKnown(kind))
        {
            errors["kind"] = ["Jenis harus \"bidang\" atau \"seksi\"."];
            return errors;
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            errors["name"] = ["Nama wajib diisi."];
        }
        else if (name.Length > NameMaxLength)
        {
            errors["name"] = [$"Nama paling panjang {NameMaxLength} karakter."];
        }
        else if (active && all.Any(s => s != self && s.Active && s.Kind == kind && string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            errors["name"] = [$"Sudah ada {kind} aktif bernama \"{name}\"."];
        }

        if (code?.Length > CodeMaxLength)
        {
            errors["code"] = [$"Kode paling panjang {CodeMaxLength} karakter."];
        }

        var parent = parentId is null ? null : all.FirstOrDefault(s => s.Id == parentId);
        if (kind == SectionKinds.Bidang && parentId is not null)
        {
            errors["parentId"] = ["Bidang berada langsung di bawah Kepala Dinas; kosongkan induknya."];
        }
        else if (kind == SectionKinds.Seksi && parentId is null)
        {
            errors["parentId"] = ["Seksi harus berada di bawah sebuah bidang; pilih bidangnya."];
        }
        else if (kind == SectionKinds.Seksi && (parent is null || !parent.IsBidang))
        {
            errors["parentId"] = ["Induk seksi harus sebuah bidang yang ada."];
        }
        else if (kind == SectionKinds.Seksi && active && !parent!.Active)
        {
            errors["parentId"] = [$"Bidang {parent.Name} tidak aktif; seksi yang aktif harus berada di bawah bidang yang aktif."];
        }

        if (self is { IsBidang: true } && !active)
        {
            var seksi = all.Where(s => s.ParentId == self.Id && s.Active).Select(s => s.Name).Order(StringComparer.Ordinal).ToList();
            if (seksi.Count > 0)
            {
                errors["active"] = [$"Bidang ini masih membawahi seksi yang aktif ({string.Join(", ", seksi)}); nonaktifkan atau pindahkan seksi itu lebih dulu."];
            }
        }

        return errors;
    }

    /// <summary>Takes a checked change.</summary>
    public void Apply(string name, string? code, Guid? parentId, bool active, DateTimeOffset at)
    {
        Name = name;
        Code = code;
        ParentId = parentId;
        Active = active;
        UpdatedAt = at;
    }
}
