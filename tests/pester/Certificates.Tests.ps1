BeforeAll {
    . $PSScriptRoot/TestSetup.ps1

    # Test certificates are made here, never committed. ECDSA keeps generation fast.
    function New-TestCertificate([string] $Subject = 'CN=pester.example.com', [int] $ValidDays = 90, [int] $StartDays = -1) {
        $key = [System.Security.Cryptography.ECDsa]::Create([System.Security.Cryptography.ECCurve+NamedCurves]::nistP256)
        $request = [System.Security.Cryptography.X509Certificates.CertificateRequest]::new($Subject, $key, [System.Security.Cryptography.HashAlgorithmName]::SHA256)
        $certificate = $request.CreateSelfSigned([DateTimeOffset]::UtcNow.AddDays($StartDays), [DateTimeOffset]::UtcNow.AddDays($ValidDays))
        [pscustomobject]@{
            Pem         = $certificate.ExportCertificatePem()
            KeyPem      = $key.ExportPkcs8PrivateKeyPem()
            Thumbprint  = $certificate.Thumbprint
            NotAfter    = [DateTimeOffset]$certificate.NotAfter.ToUniversalTime()
        }
    }

    $script:CertDir = Join-Path ([IO.Path]::GetTempPath()) "oai-pester-certs-$PID"
    New-Item -ItemType Directory -Path $script:CertDir -Force | Out-Null
}

AfterAll {
    Remove-Item $script:CertDir -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Get-OAICertificate' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'lists the organization certificates, newest first, with their state in the organization' {
        $certificates = @(Get-OAICertificate)
        $certificates.Count | Should -Be 5
        $certificates[0].GetType().FullName | Should -Be 'OpenAIAdmin.Certificate'
        ($certificates.Id -join ',') | Should -Be 'cert_0005LCPpPTKmBnk7pvK2BGKI,cert_0004iMFJ3N1UW35hviwyrsXH,cert_0003JUyO6gBcswgwkPp3vlao,cert_0002LmNAjHn1wac56gmIa6Fy,cert_0001M3du8cKjMwmMCx22qNSu'
        $certificates | ForEach-Object { $_.Object | Should -Be 'organization.certificate'; $_.ProjectId | Should -BeNullOrEmpty }
        @($certificates | Where-Object Active).Count | Should -Be 2
        @(Get-SimulatorRequest GET '*/organization/certificates').Count | Should -Be 1
    }

    It 'finds the certificate that expires within 30 days with Where-Object' {
        $soon = @(Get-OAICertificate | Where-Object ExpiresAt -lt (Get-Date).AddDays(30))
        $soon.Count | Should -Be 1
        $soon[0].Id | Should -Be 'cert_0003JUyO6gBcswgwkPp3vlao'
        $soon[0].ExpiresAt | Should -BeOfType [DateTimeOffset]
    }

    It 'lists a project''s certificates with their state in that project' {
        $certificates = @(Get-OAICertificate -ProjectId proj_defaultSbtsIO0rWI91rcsUU)
        ($certificates.Id | Sort-Object) -join ',' | Should -Be 'cert_0001M3du8cKjMwmMCx22qNSu,cert_0002LmNAjHn1wac56gmIa6Fy'
        ($certificates | Where-Object Id -eq cert_0001M3du8cKjMwmMCx22qNSu).Active | Should -BeTrue
        ($certificates | Where-Object Id -eq cert_0002LmNAjHn1wac56gmIa6Fy).Active | Should -BeFalse
        $certificates | ForEach-Object { $_.Object | Should -Be 'organization.project.certificate'; $_.ProjectId | Should -Be 'proj_defaultSbtsIO0rWI91rcsUU' }
        @(Get-SimulatorRequest GET '*/organization/projects/proj_defaultSbtsIO0rWI91rcsUU/certificates').Count | Should -Be 1
    }

    It 'gets certificates by id, with the PEM text only on request' {
        $plain = Get-OAICertificate cert_0001M3du8cKjMwmMCx22qNSu
        $plain.Object | Should -Be 'certificate'
        $plain.Active | Should -BeNullOrEmpty
        $plain.Content | Should -BeNullOrEmpty
        $withContent = Get-OAICertificate -Id cert_0001M3du8cKjMwmMCx22qNSu -IncludeContent
        $withContent.Content | Should -Match '^-----BEGIN CERTIFICATE-----'
        $requests = @(Get-SimulatorRequest GET '*/organization/certificates/cert_0001M3du8cKjMwmMCx22qNSu')
        $requests[0].query | Should -Not -Match 'include'
        $requests[1].query | Should -Match 'include(\[\]|%5B%5D)=content'
    }

    It 'gets the content of listed certificates through the pipeline' {
        $contents = @(Get-OAICertificate -Name 'corp-*' | Get-OAICertificate -IncludeContent)
        $contents.Count | Should -Be 1
        $contents[0].Id | Should -Be 'cert_0001M3du8cKjMwmMCx22qNSu'
        $contents[0].Content | Should -Match 'BEGIN CERTIFICATE'
    }

    It 'gets each project certificate piped back in as the project sees it, from the project list or an export' {
        $project = @(Get-OAICertificate -ProjectId proj_defaultSbtsIO0rWI91rcsUU)
        $project.Count | Should -Be 2
        foreach ($in in @($project, @($project | ConvertTo-Csv | ConvertFrom-Csv))) {
            Reset-Simulator
            $got = @($in | Get-OAICertificate -ErrorAction Stop)
            $got.Id | Should -Be $project.Id
            # Got from the organization, they had lost their project and their state in it (Active null), and piped on
            # into Disable-OAICertificate they deactivated the certificate in the organization.
            $got.ProjectId | Should -Be (@('proj_defaultSbtsIO0rWI91rcsUU') * 2)
            $got.Object | Should -Be (@('organization.project.certificate') * 2)
            $got.Active | Should -Be $project.Active
            @(Get-SimulatorRequest).path | Should -Be (@('/v1/organization/projects/proj_defaultSbtsIO0rWI91rcsUU/certificates') * 2)
        }
    }

    It 'deactivates in the project a project certificate piped through Get-OAICertificate' {
        $before = @(Get-OAICertificate | Where-Object Active).Id
        Get-OAICertificate -ProjectId proj_defaultSbtsIO0rWI91rcsUU | Get-OAICertificate | Disable-OAICertificate -Force
        @(Get-OAICertificate -ProjectId proj_defaultSbtsIO0rWI91rcsUU | Where-Object Active).Count | Should -Be 0
        @(Get-OAICertificate | Where-Object Active).Id | Should -Be $before
        @(Get-SimulatorRequest POST '*/certificates/deactivate').path | Should -Be '/v1/organization/projects/proj_defaultSbtsIO0rWI91rcsUU/certificates/deactivate'
    }

    It 'reports a certificate the project has not used as ApiNotFound' {
        $row = [pscustomobject]@{ Id = 'cert_0005LCPpPTKmBnk7pvK2BGKI'; CertificateId = 'cert_0005LCPpPTKmBnk7pvK2BGKI'; ProjectId = 'proj_defaultSbtsIO0rWI91rcsUU' }
        $problem = $null
        $got = @($row | Get-OAICertificate -ErrorVariable problem -ErrorAction SilentlyContinue)
        $got.Count | Should -Be 0
        $problem[0].FullyQualifiedErrorId | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAICertificateCommand'
        $problem[0].Exception.Message | Should -Match "proj_defaultSbtsIO0rWI91rcsUU has no certificate 'cert_0005LCPpPTKmBnk7pvK2BGKI'"
    }

    It 'gets each organization certificate piped back in by its id, from an export or Select-Object' {
        $organization = @(Get-OAICertificate)
        foreach ($case in @(
                # An organization certificate's row has an empty ProjectId cell: no project, not a blank one.
                @{ In = @($organization | ConvertTo-Csv | ConvertFrom-Csv); Ids = $organization.Id }
                @{ In = @($organization | Select-Object Id, Name, CertificateId); Ids = $organization.Id })) {
            Reset-Simulator
            @($case.In | Get-OAICertificate -ErrorAction Stop).Id | Should -Be $case.Ids
            # One lookup each, and no listing: a project list came out once per certificate piped in.
            @(Get-SimulatorRequest).path | Should -Be @($case.Ids | ForEach-Object { "/v1/organization/certificates/$_" })
        }
    }

    It 'still refuses a blank -ProjectId on the command line' {
        Get-ErrorId { Get-OAICertificate -ProjectId ' ' } | Should -Be 'ParameterArgumentValidationError,OpenAIAdmin.Commands.GetOAICertificateCommand'
        $blank = ''
        Get-ErrorId { Get-OAICertificate -ProjectId $blank } | Should -Be 'ParameterArgumentValidationError,OpenAIAdmin.Commands.GetOAICertificateCommand'
        Get-ErrorId { Disable-OAICertificate -Id cert_0002LmNAjHn1wac56gmIa6Fy -ProjectId $blank -Force } | Should -Be 'ParameterArgumentValidationError,OpenAIAdmin.Commands.DisableOAICertificateCommand'
        @(Get-SimulatorRequest).Count | Should -Be 0
    }

    It 'reports a missing certificate as non-terminating ApiNotFound and goes on' {
        $result = Get-OAICertificate -Id cert_missing, cert_0002LmNAjHn1wac56gmIa6Fy -ErrorVariable problems -ErrorAction SilentlyContinue
        @($result).Count | Should -Be 1
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAICertificateCommand'
        $problems[0].TargetObject | Should -Be 'cert_missing'
    }

    It 'reports an unknown project as ApiNotFound' {
        Get-ErrorId { Get-OAICertificate -ProjectId proj_missing } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.GetOAICertificateCommand'
    }

    It 'rejects bad input before any request' {
        Get-ErrorId { Get-OAICertificate -Id '' } | Should -Be 'ParameterArgumentValidationError,OpenAIAdmin.Commands.GetOAICertificateCommand'
        Get-ErrorId { Get-OAICertificate -ProjectId '' } | Should -Be 'ParameterArgumentValidationError,OpenAIAdmin.Commands.GetOAICertificateCommand'
        Get-ErrorId { Get-OAICertificate -PageSize 101 } | Should -Be 'ParameterArgumentValidationError,OpenAIAdmin.Commands.GetOAICertificateCommand'
        Get-ErrorId { Get-OAICertificate -ProjectId proj_defaultSbtsIO0rWI91rcsUU -IncludeContent } | Should -Be 'AmbiguousParameterSet,OpenAIAdmin.Commands.GetOAICertificateCommand'
        @(Get-SimulatorRequest).Count | Should -Be 0
    }

    It 'honours -First and -PageSize' {
        @(Get-OAICertificate -First 2).Count | Should -Be 2
        (Get-SimulatorRequest GET '*/organization/certificates')[0].query | Should -Match 'limit=2'
        @(Get-OAICertificate -PageSize 2).Count | Should -Be 5
        @(Get-SimulatorRequest GET '*/organization/certificates').Count | Should -Be 4
    }

    It 'shows name, id, state and validity in its table' {
        $table = Get-OAICertificate -First 1 | Format-Table | Out-String
        $table | Should -Match 'Name\s+Id\s+Active\s+ExpiresAt \(UTC\)'
        $table | Should -Match 'prod-client-2026\s+cert_0005LCPpPTKmBnk7pvK2BGKI\s+True\s+\d{4}-\d\d-\d\d \d\d:\d\d'
    }
}

Describe 'Import-OAICertificate' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'uploads a PEM file under a name; it is listed, inactive' {
        $test = New-TestCertificate -Subject 'CN=gateway.pester.example.com'
        $path = Join-Path $script:CertDir 'gateway.pem'
        Set-Content -Path $path -Value ("subject=CN = gateway.pester.example.com`n" + $test.Pem)
        $certificate = Import-OAICertificate -Path $path -Name 'pester-gateway'
        $certificate.GetType().FullName | Should -Be 'OpenAIAdmin.Certificate'
        $certificate.Object | Should -Be 'certificate'
        $certificate.Name | Should -Be 'pester-gateway'
        $certificate.ExpiresAt.ToUnixTimeSeconds() | Should -Be $test.NotAfter.ToUnixTimeSeconds()
        $body = (Get-SimulatorRequest POST '*/organization/certificates')[0].body | ConvertFrom-Json
        $body.name | Should -Be 'pester-gateway'
        $body.certificate | Should -Be ($test.Pem.TrimEnd("`n") + "`n")
        (Get-OAICertificate | Where-Object Id -eq $certificate.Id).Active | Should -BeFalse
    }

    It 'uploads a PEM file saved as UTF-16, with or without a byte-order mark' {
        $test = New-TestCertificate -Subject 'CN=utf16.pester.example.com'
        $withBom = Join-Path $script:CertDir 'utf16-bom.pem'
        $withoutBom = Join-Path $script:CertDir 'utf16-nobom.pem'
        Set-Content -Path $withBom -Value $test.Pem -Encoding unicode
        [IO.File]::WriteAllBytes($withoutBom, [Text.Encoding]::Unicode.GetBytes($test.Pem))
        $uploaded = @(Import-OAICertificate -Path $withBom, $withoutBom)
        $uploaded.Count | Should -Be 2
        $bodies = @(Get-SimulatorRequest POST '*/organization/certificates' | ForEach-Object { ($_.body | ConvertFrom-Json).certificate })
        $bodies | Should -Be @(($test.Pem.TrimEnd("`n") + "`n"), ($test.Pem.TrimEnd("`n") + "`n"))
    }

    It 'uploads PEM text from the pipeline and files piped from Get-ChildItem' {
        $test = New-TestCertificate
        $fromText = $test.Pem | Import-OAICertificate
        $fromText.Name | Should -BeNullOrEmpty
        $folder = New-Item -ItemType Directory -Path (Join-Path $script:CertDir 'batch') -Force
        1..2 | ForEach-Object { Set-Content -Path (Join-Path $folder "c$_.pem") -Value (New-TestCertificate -Subject "CN=batch$_").Pem }
        $fromFiles = @(Get-ChildItem $folder -Filter *.pem | Import-OAICertificate)
        $fromFiles.Count | Should -Be 2
        @(Get-SimulatorRequest POST '*/organization/certificates').Count | Should -Be 3
    }

    It 'refuses a private key before any request, even with -WhatIf' {
        $test = New-TestCertificate
        $path = Join-Path $script:CertDir 'with-key.pem'
        Set-Content -Path $path -Value ($test.Pem + $test.KeyPem)
        Get-ErrorId { Import-OAICertificate -Path $path } | Should -Be 'PrivateKeyNotAllowed,OpenAIAdmin.Commands.ImportOAICertificateCommand'
        Get-ErrorId { Import-OAICertificate -Content ($test.KeyPem + $test.Pem) -WhatIf } | Should -Be 'PrivateKeyNotAllowed,OpenAIAdmin.Commands.ImportOAICertificateCommand'
        @(Get-SimulatorRequest).Count | Should -Be 0
    }

    It 'refuses text that is not one certificate and files that do not exist, before any request' {
        $junk = Join-Path $script:CertDir 'junk.pem'
        Set-Content -Path $junk -Value 'not a certificate'
        Get-ErrorId { Import-OAICertificate -Path $junk } | Should -Be 'InvalidCertificate,OpenAIAdmin.Commands.ImportOAICertificateCommand'
        Get-ErrorId { Import-OAICertificate -Content ((New-TestCertificate).Pem + (New-TestCertificate).Pem) } | Should -Be 'InvalidCertificate,OpenAIAdmin.Commands.ImportOAICertificateCommand'
        Get-ErrorId { Import-OAICertificate -Path (Join-Path $script:CertDir 'missing.pem') } | Should -Be 'PathNotFound,OpenAIAdmin.Commands.ImportOAICertificateCommand'
        Get-ErrorId { Import-OAICertificate -Path $script:CertDir } | Should -Be 'PathIsFolder,OpenAIAdmin.Commands.ImportOAICertificateCommand'
        Get-ErrorId { Import-OAICertificate -Content '' } | Should -Be 'ParameterArgumentValidationError,OpenAIAdmin.Commands.ImportOAICertificateCommand'
        @(Get-SimulatorRequest).Count | Should -Be 0
    }

    It 'reports a bad file without stopping the other files' {
        $good = Join-Path $script:CertDir 'good.pem'
        $bad = Join-Path $script:CertDir 'bad.pem'
        Set-Content -Path $good -Value (New-TestCertificate).Pem
        Set-Content -Path $bad -Value 'garbage'
        $uploaded = @(Import-OAICertificate -Path $bad, $good -ErrorVariable problems -ErrorAction SilentlyContinue)
        $uploaded.Count | Should -Be 1
        $problems.Count | Should -Be 1
        $problems[0].TargetObject | Should -Be $bad
    }

    It '-WhatIf names the certificate by subject and thumbprint and sends nothing' {
        $test = New-TestCertificate -Subject 'CN=whatif.pester.example.com'
        $text = Get-HostText { Import-OAICertificate -Content $test.Pem -Name 'preview' -WhatIf }
        $text | Should -Match "certificate 'preview' CN=whatif.pester.example.com \(thumbprint $($test.Thumbprint)"
        @(Get-SimulatorRequest).Count | Should -Be 0
    }

    It 'uploads a file read line by line (Get-Content without -Raw) once, piped or given to -Content' {
        $file = Join-Path $script:CertDir 'lines.pem'
        Set-Content -Path $file -Value ("subject=CN=lines`n" + (New-TestCertificate -Subject 'CN=lines.example.com').Pem)
        $piped = @(Get-Content $file | Import-OAICertificate -Name lines-piped -ErrorVariable problems)
        $given = @(Import-OAICertificate -Name lines-given -Content (Get-Content $file))
        $problems.Count | Should -Be 0
        $piped.Count | Should -Be 1
        $given.Count | Should -Be 1
        @(Get-SimulatorRequest POST '*/organization/certificates').Count | Should -Be 2
        # A line that is no certificate, piped alone, is one clear error, not one per line.
        $errors = @()
        'not', 'a', 'certificate' | Import-OAICertificate -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'InvalidCertificate,OpenAIAdmin.Commands.ImportOAICertificateCommand'
    }

    It 'warns about an expired certificate and still uploads it' {
        $test = New-TestCertificate -StartDays -60 -ValidDays -1
        $certificate = Import-OAICertificate -Content $test.Pem -WarningVariable warnings -WarningAction SilentlyContinue
        $certificate | Should -Not -BeNullOrEmpty
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -Match 'expired'
    }

    It 'writes the dates of its warning and confirmation in UTC and the Gregorian calendar, whatever the culture' {
        $test = New-TestCertificate -StartDays -60 -ValidDays -1
        $saved = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'th-TH'
            $text = Get-HostText { Import-OAICertificate -Content $test.Pem -WhatIf -WarningAction Continue }
        }
        finally { [cultureinfo]::CurrentCulture = $saved }
        $expires = $test.NotAfter.UtcDateTime
        $text | Should -Match ([regex]::Escape("expired on $($expires.ToString('yyyy-MM-dd HH:mm', [cultureinfo]::InvariantCulture)) UTC"))
        $text | Should -Match ([regex]::Escape("expires $($expires.ToString('yyyy-MM-dd', [cultureinfo]::InvariantCulture)))"))
    }
}

Describe 'Set-OAICertificate' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'renames by id, emitting only with -PassThru' {
        Set-OAICertificate cert_0004iMFJ3N1UW35hviwyrsXH -Name 'staging-renamed' | Should -BeNullOrEmpty
        (Get-OAICertificate -Id cert_0004iMFJ3N1UW35hviwyrsXH).Name | Should -Be 'staging-renamed'
        $renamed = Set-OAICertificate -Id cert_0004iMFJ3N1UW35hviwyrsXH -Name 'staging-again' -PassThru
        $renamed.Name | Should -Be 'staging-again'
        (Get-SimulatorRequest POST '*/organization/certificates/cert_0004iMFJ3N1UW35hviwyrsXH')[0].body | Should -Be '{"name":"staging-renamed"}'
    }

    It '-WhatIf on a piped certificate names it and sends nothing' {
        $text = Get-HostText { Get-OAICertificate -Name 'corp-*' | Set-OAICertificate -Name 'x' -WhatIf }
        $text | Should -Match ([regex]::Escape("Rename to 'x'"))
        $text | Should -Match ([regex]::Escape("certificate 'corp-root-2025' (cert_0001M3du8cKjMwmMCx22qNSu)"))
        @(Get-SimulatorRequest POST).Count | Should -Be 0
    }

    It 'reports a missing certificate as ApiNotFound' {
        Get-ErrorId { Set-OAICertificate -Id cert_missing -Name x } | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.SetOAICertificateCommand'
        Get-ErrorId { Set-OAICertificate -Id cert_0001M3du8cKjMwmMCx22qNSu -Name '' } | Should -Be 'ParameterArgumentValidationError,OpenAIAdmin.Commands.SetOAICertificateCommand'
    }
}

Describe 'Remove-OAICertificate' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It '-WhatIf names each piped certificate and sends no DELETE' {
        $text = Get-HostText { Get-OAICertificate | Remove-OAICertificate -WhatIf }
        Get-OAICertificate | ForEach-Object { $text | Should -Match ([regex]::Escape("certificate '$($_.Name)' ($($_.Id))")) }
        @(Get-SimulatorRequest DELETE).Count | Should -Be 0
    }

    It 'deletes an inactive certificate with -Force; -PassThru returns the API confirmation' {
        $deleted = Remove-OAICertificate -Id cert_0004iMFJ3N1UW35hviwyrsXH -Force -PassThru
        $deleted.GetType().FullName | Should -Be 'OpenAIAdmin.DeletedObject'
        $deleted.Id | Should -Be 'cert_0004iMFJ3N1UW35hviwyrsXH'
        $deleted.Object | Should -Be 'certificate.deleted'
        $deleted.Deleted | Should -BeNullOrEmpty
        @(Get-OAICertificate).Id | Should -Not -Contain 'cert_0004iMFJ3N1UW35hviwyrsXH'
        Get-OAICertificate cert_0003JUyO6gBcswgwkPp3vlao | Remove-OAICertificate -Confirm:$false | Should -BeNullOrEmpty
    }

    It 'reports the API refusing a certificate active in the organization or a project' {
        Get-ErrorId { Remove-OAICertificate -Id cert_0002LmNAjHn1wac56gmIa6Fy -Force } | Should -Be 'ApiBadRequest,OpenAIAdmin.Commands.RemoveOAICertificateCommand'
        Get-ErrorId { Remove-OAICertificate -Id cert_0001M3du8cKjMwmMCx22qNSu -Force } | Should -Be 'ApiBadRequest,OpenAIAdmin.Commands.RemoveOAICertificateCommand'
        @(Get-OAICertificate).Count | Should -Be 5
    }

    It 'reports a missing certificate as ApiNotFound and goes on with the next input' {
        $inputs = [pscustomobject]@{ certificate_id = 'cert_missing' }, [pscustomobject]@{ certificate_id = 'cert_0004iMFJ3N1UW35hviwyrsXH' }
        $inputs | Remove-OAICertificate -Force -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.RemoveOAICertificateCommand'
        $problems[0].TargetObject | Should -Be 'cert_missing'
        @(Get-OAICertificate).Id | Should -Not -Contain 'cert_0004iMFJ3N1UW35hviwyrsXH'
    }
}

Describe 'Enable-OAICertificate and Disable-OAICertificate' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'batch pipeline input ten ids per call' {
        1..12 | ForEach-Object { Import-OAICertificate -Content (New-TestCertificate -Subject "CN=bulk$_").Pem -Name "bulk-$_" } | Out-Null
        $bulk = @(Get-OAICertificate -Name 'bulk-*')
        $bulk.Count | Should -Be 12
        $bulk | Enable-OAICertificate
        $calls = @(Get-SimulatorRequest POST '*/organization/certificates/activate')
        $calls.Count | Should -Be 2
        @(($calls[0].body | ConvertFrom-Json).certificate_ids).Count | Should -Be 10
        @(($calls[1].body | ConvertFrom-Json).certificate_ids).Count | Should -Be 2
        @(Get-OAICertificate -Name 'bulk-*' | Where-Object Active).Count | Should -Be 12
    }

    It '-WhatIf names every certificate and sends nothing' {
        $text = Get-HostText { Get-OAICertificate | Where-Object Active | Disable-OAICertificate -WhatIf }
        $text | Should -Match ([regex]::Escape("Deactivate in the organization"))
        Get-OAICertificate | Where-Object Active | ForEach-Object { $text | Should -Match ([regex]::Escape("certificate '$($_.Name)' ($($_.Id))")) }
        $text = Get-HostText { Enable-OAICertificate -Id cert_0003JUyO6gBcswgwkPp3vlao, cert_0004iMFJ3N1UW35hviwyrsXH -ProjectId proj_defaultSbtsIO0rWI91rcsUU -WhatIf }
        $text | Should -Match ([regex]::Escape('"Activate in project proj_defaultSbtsIO0rWI91rcsUU" on target "certificate cert_0003JUyO6gBcswgwkPp3vlao"'))
        $text | Should -Match ([regex]::Escape('"Activate in project proj_defaultSbtsIO0rWI91rcsUU" on target "certificate cert_0004iMFJ3N1UW35hviwyrsXH"'))
        @(Get-SimulatorRequest POST).Count | Should -Be 0
    }

    It 'emits the new state only with -PassThru' {
        Enable-OAICertificate -Id cert_0003JUyO6gBcswgwkPp3vlao | Should -BeNullOrEmpty
        $result = @(Disable-OAICertificate -Id cert_0003JUyO6gBcswgwkPp3vlao, cert_0002LmNAjHn1wac56gmIa6Fy -Force -PassThru)
        $result.Count | Should -Be 2
        $result | ForEach-Object { $_.Active | Should -BeFalse; $_.Object | Should -Be 'organization.certificate' }
        @(Get-OAICertificate | Where-Object Active).Id | Should -Be @('cert_0005LCPpPTKmBnk7pvK2BGKI')
    }

    It 'keeps the project of certificates piped from a project list' {
        Get-OAICertificate -ProjectId proj_defaultSbtsIO0rWI91rcsUU | Disable-OAICertificate -Force
        @(Get-SimulatorRequest POST '*/projects/proj_defaultSbtsIO0rWI91rcsUU/certificates/deactivate').Count | Should -Be 1
        @(Get-SimulatorRequest POST '*/organization/certificates/deactivate').Count | Should -Be 0
        @(Get-OAICertificate -ProjectId proj_defaultSbtsIO0rWI91rcsUU | Where-Object Active).Count | Should -Be 0
        (Get-OAICertificate | Where-Object Id -eq cert_0002LmNAjHn1wac56gmIa6Fy).Active | Should -BeTrue
    }

    It 'refuses a project certificate given as the -Id argument: as an id it would change the organization' {
        $certificate = Get-OAICertificate -ProjectId proj_defaultSbtsIO0rWI91rcsUU | Where-Object Id -eq cert_0001M3du8cKjMwmMCx22qNSu
        Reset-Simulator
        Get-ErrorId { Disable-OAICertificate -Id $certificate -Force } | Should -Be 'ProjectObjectGivenAsId,OpenAIAdmin.Commands.DisableOAICertificateCommand'
        Get-ErrorId { Enable-OAICertificate $certificate -Confirm:$false } | Should -Be 'ProjectObjectGivenAsId,OpenAIAdmin.Commands.EnableOAICertificateCommand'
        @(Get-SimulatorRequest).Count | Should -Be 0
        # An organization certificate is its id, the project's is taken when piped or with its -ProjectId.
        Disable-OAICertificate -Id (Get-OAICertificate -Id cert_0005LCPpPTKmBnk7pvK2BGKI) -Force
        $certificate | Disable-OAICertificate -Force
        Enable-OAICertificate -Id $certificate -ProjectId $certificate.ProjectId -Confirm:$false
        # A string after it on the command line is not taken for the object noted while the pipeline bound it.
        Disable-OAICertificate -Id $certificate.Id -Force
        @(Get-SimulatorRequest POST).path | Should -Be @('/v1/organization/certificates/deactivate', '/v1/organization/projects/proj_defaultSbtsIO0rWI91rcsUU/certificates/deactivate',
            '/v1/organization/projects/proj_defaultSbtsIO0rWI91rcsUU/certificates/activate', '/v1/organization/certificates/deactivate')
    }

    It 'refuses a project certificate that a script block gives -Id for each record, and no id after a command that failed' {
        $certificate = Get-OAICertificate -ProjectId proj_defaultSbtsIO0rWI91rcsUU | Where-Object Id -eq cert_0001M3du8cKjMwmMCx22qNSu
        Reset-Simulator
        # PowerShell runs the script block per record, while binding it: the certificate had been deactivated in the organization.
        Get-ErrorId { 'a' | Disable-OAICertificate -Id { $certificate } -Force } | Should -Be 'ProjectObjectGivenAsId,OpenAIAdmin.Commands.DisableOAICertificateCommand'
        Get-ErrorId { Get-OAIProject -Id proj_supportbottE5emakLryq7y4 | Disable-OAICertificate -Id { $certificate } -Force } | Should -Be 'ProjectObjectGivenAsId,OpenAIAdmin.Commands.DisableOAICertificateCommand'
        @(Get-SimulatorRequest POST).Count | Should -Be 0
        # A script block -ProjectId may give none: it does not vouch for the project.
        Get-ErrorId { 'a' | Disable-OAICertificate -Id $certificate -ProjectId { $null } -Force } | Should -Be 'ProjectObjectGivenAsId,OpenAIAdmin.Commands.DisableOAICertificateCommand'
        Get-ErrorId { 'a' | Disable-OAICertificate -Id { $certificate } -ProjectId { $null } -Force } | Should -Be 'ProjectObjectGivenAsId,OpenAIAdmin.Commands.DisableOAICertificateCommand'
        # Its id as text beside it, in the same command or the next one in the pipeline, does not take its note back.
        Get-ErrorId { Disable-OAICertificate -Id $certificate, $certificate.Id -Force } | Should -Be 'ProjectObjectGivenAsId,OpenAIAdmin.Commands.DisableOAICertificateCommand'
        Get-ErrorId { Disable-OAICertificate -Id $certificate -Force -PassThru | Enable-OAICertificate -Id $certificate.Id -WhatIf } | Should -Be 'ProjectObjectGivenAsId,OpenAIAdmin.Commands.DisableOAICertificateCommand'
        # An enumerator is read as PowerShell would read it.
        Get-ErrorId { Disable-OAICertificate -Id @($certificate).GetEnumerator() -Force } | Should -Be 'ProjectObjectGivenAsId,OpenAIAdmin.Commands.DisableOAICertificateCommand'
        @(Get-SimulatorRequest POST).Count | Should -Be 0
        # A command that failed to bind after its -Id was made text, before or inside a pipeline, is not blamed on its records.
        Get-ErrorId { Disable-OAICertificate -Id $certificate -InputObject $certificate -Force } | Should -Be 'AmbiguousParameterSet,OpenAIAdmin.Commands.DisableOAICertificateCommand'
        Get-OAICertificate -ProjectId proj_defaultSbtsIO0rWI91rcsUU |
            ForEach-Object { try { Disable-OAICertificate -Id $certificate -InputObject $certificate -Force -ErrorAction Stop } catch { }; $_ } |
            Disable-OAICertificate -Force -ErrorAction Stop
        @(Get-SimulatorRequest POST).path | Should -Be '/v1/organization/projects/proj_defaultSbtsIO0rWI91rcsUU/certificates/deactivate'
        Disable-OAICertificate -Id (Get-OAICertificate -Id cert_0005LCPpPTKmBnk7pvK2BGKI).Id -Force
        (Get-SimulatorRequest POST)[-1].path | Should -Be '/v1/organization/certificates/deactivate'
    }

    It 'keeps the project of rows exported from a project list, and the organization for rows without one' {
        $projectRows = @(Get-OAICertificate -ProjectId proj_defaultSbtsIO0rWI91rcsUU | ConvertTo-Csv | ConvertFrom-Csv)
        $organizationRows = @(Get-OAICertificate | Where-Object Active | ConvertTo-Csv | ConvertFrom-Csv)
        Reset-Simulator
        $projectRows | Disable-OAICertificate -Force
        @(Get-SimulatorRequest POST '*/projects/proj_defaultSbtsIO0rWI91rcsUU/certificates/deactivate').Count | Should -Be 1
        @(Get-SimulatorRequest POST '*/organization/certificates/deactivate').Count | Should -Be 0
        (Get-OAICertificate | Where-Object Id -eq cert_0002LmNAjHn1wac56gmIa6Fy).Active | Should -BeTrue
        Reset-Simulator
        $organizationRows | Disable-OAICertificate -Force
        @(Get-SimulatorRequest POST '*/organization/certificates/deactivate').Count | Should -Be 1
        @(Get-SimulatorRequest POST '*/projects/*').Count | Should -Be 0
    }

    It 'activates organization certificates in the project given by -ProjectId' {
        $result = @(Get-OAICertificate -Name 'staging-*' | Enable-OAICertificate -ProjectId proj_defaultSbtsIO0rWI91rcsUU -PassThru)
        $result.Count | Should -Be 1
        $result[0].ProjectId | Should -Be 'proj_defaultSbtsIO0rWI91rcsUU'
        $result[0].Object | Should -Be 'organization.project.certificate'
        (Get-OAICertificate -ProjectId proj_defaultSbtsIO0rWI91rcsUU | Where-Object Id -eq cert_0004iMFJ3N1UW35hviwyrsXH).Active | Should -BeTrue
        (Get-OAICertificate | Where-Object Id -eq cert_0004iMFJ3N1UW35hviwyrsXH).Active | Should -BeFalse
    }

    It 'fails only the unknown id of a batch; the others still change' {
        Enable-OAICertificate -Id cert_0003JUyO6gBcswgwkPp3vlao, cert_missing, cert_0004iMFJ3N1UW35hviwyrsXH -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'ApiNotFound,OpenAIAdmin.Commands.EnableOAICertificateCommand'
        $problems[0].TargetObject | Should -Be 'cert_missing'
        $active = @(Get-OAICertificate | Where-Object Active).Id
        $active | Should -Contain 'cert_0003JUyO6gBcswgwkPp3vlao'
        $active | Should -Contain 'cert_0004iMFJ3N1UW35hviwyrsXH'
    }

    It 'Disable is ConfirmImpact High with -Force; Enable is Medium' {
        $disable = (Get-Command Disable-OAICertificate).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        $enable = (Get-Command Enable-OAICertificate).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        $disable.ConfirmImpact | Should -Be 'High'
        (Get-Command Disable-OAICertificate).Parameters.Keys | Should -Contain 'Force'
        $enable.ConfirmImpact | Should -Be 'Medium'
        Get-ErrorId { Enable-OAICertificate -Id cert_0001M3du8cKjMwmMCx22qNSu -ProjectId '' } | Should -Be 'ParameterArgumentValidationError,OpenAIAdmin.Commands.EnableOAICertificateCommand'
    }
}

Describe 'Id completion' {
    BeforeEach { Reset-Simulator; Connect-Simulator }

    It 'lists certificate names, inserts ids, and asks the API once for two completions' {
        $first = TabExpansion2 -inputScript 'Get-OAICertificate -Id ' -cursorColumn 'Get-OAICertificate -Id '.Length
        $second = TabExpansion2 -inputScript 'Remove-OAICertificate -Id corp' -cursorColumn 'Remove-OAICertificate -Id corp'.Length
        @($first.CompletionMatches).Count | Should -Be 5
        ($first.CompletionMatches | Where-Object CompletionText -eq 'cert_0001M3du8cKjMwmMCx22qNSu').ListItemText | Should -Be 'corp-root-2025'
        @($second.CompletionMatches).Count | Should -Be 1
        $second.CompletionMatches[0].CompletionText | Should -Be 'cert_0001M3du8cKjMwmMCx22qNSu'
        @(Get-SimulatorRequest GET '*/organization/certificates').Count | Should -Be 1
    }

    It 'completes group ids by group name' {
        function Test-GroupCompletion { param([ArgumentCompleter([OpenAIAdmin.Commands.GroupIdCompleter])] [string] $GroupId) }
        $matches1 = TabExpansion2 -inputScript 'Test-GroupCompletion -GroupId Contr' -cursorColumn 'Test-GroupCompletion -GroupId Contr'.Length
        @($matches1.CompletionMatches).Count | Should -Be 1
        $matches1.CompletionMatches[0].CompletionText | Should -Be 'group_01JG0002G4HXWT9AVGWCFEE87V'
        $matches1.CompletionMatches[0].ListItemText | Should -Be 'Contractors'
        TabExpansion2 -inputScript 'Test-GroupCompletion -GroupId ' -cursorColumn 'Test-GroupCompletion -GroupId '.Length | Out-Null
        @(Get-SimulatorRequest GET '*/organization/groups').Count | Should -Be 1
    }

    It 'offers nothing, without an error, when the API fails or there is no connection' {
        Add-SimulatorFault @{ kind = 'status'; status = 500; path = '/v1/organization/certificates'; count = -1 }
        Connect-Simulator -MaxRetryCount 0
        $failed = TabExpansion2 -inputScript 'Get-OAICertificate -Id ' -cursorColumn 'Get-OAICertificate -Id '.Length
        @($failed.CompletionMatches | Where-Object CompletionText -like 'cert_*').Count | Should -Be 0
        Disconnect-OAIAdmin
        Reset-Simulator
        $offline = TabExpansion2 -inputScript 'Get-OAICertificate -Id ' -cursorColumn 'Get-OAICertificate -Id '.Length
        @($offline.CompletionMatches | Where-Object CompletionText -like 'cert_*').Count | Should -Be 0
        @(Get-SimulatorRequest).Count | Should -Be 0
    }
}
