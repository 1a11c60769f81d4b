// Intra-assignment event controls: repeat (n) @(ev) on blocking and non-blocking assignments,
// and non-blocking assignments with an event control (the process does not wait).
module top;
  reg clk = 0;
  always #5 clk = ~clk;
  reg [7:0] a, b, c, d, e, f;
  reg [7:0] src;
  reg [7:0] mem [0:3];
  integer n;

  initial begin
    src = 8'd7;
    a = repeat (3) @(posedge clk) src;   // src taken now, assigned at the third posedge (25)
    $display("%0t a=%0d src=%0d", $time, a, src);
    src = 8'd9;
    b <= repeat (2) @(posedge clk) src;  // the process goes on at once
    $display("%0t b=%0d (not yet)", $time, b);
    src = 8'd11;
    c <= @(negedge clk) src;
    n = 0;
    d = repeat (n) @(posedge clk) 8'd42; // count 0: at once
    $display("%0t d=%0d", $time, d);
    n = -2;
    e <= repeat (n) @(posedge clk) 8'd43; // count <= 0: an ordinary non-blocking assignment
    #0 $display("%0t e=%0d", $time, e);
    mem[1] <= @(posedge clk) 8'd99;
    #40 $display("%0t b=%0d c=%0d mem[1]=%0d", $time, b, c, mem[1]);
  end

  // Overlapping pending assignments: a new one every posedge, each lands two posedges later.
  reg [7:0] cnt = 0;
  always @(posedge clk) begin
    cnt <= cnt + 1;
    f <= repeat (2) @(posedge clk) cnt;
  end
  always @(negedge clk) if ($time > 20) $display("%0t f=%0d cnt=%0d", $time, f, cnt);

  initial #118 $finish;
endmodule
