// Automatic functions keep their variables in C++ locals where nothing outside a call can see
// them; a static function's variables persist between calls.
module top;
  function automatic [7:0] fresh(input [7:0] a);
    reg [7:0] t, u;
    begin
      u = t;              // read before any write: x in every call
      t = a;
      fresh = {u[3:0], t[3:0]};
    end
  endfunction
  function automatic [15:0] parts(input [7:0] a, input [7:0] b);
    begin
      parts[7:0] = a;     // a part write: the other half stays x
      if (b != 0) parts[15:8] = b ^ a;
    end
  endfunction
  function automatic [7:0] twice(input [7:0] a);
    twice = fresh(a) + fresh(a + 8'd1);
  endfunction
  function [7:0] counter(input [7:0] step);
    reg [7:0] total;      // static: keeps its value between calls
    begin
      if (total === 8'bx) total = 0;
      total = total + step;
      counter = total;
    end
  endfunction
  function automatic [31:0] deep(input [31:0] v);
    deep = v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v + v;
  endfunction
  function automatic [7:0] shown(input [7:0] a);
    reg [7:0] k;
    begin
      k = a + 1;
      $display("shown k=%h", k);
      shown = k;
    end
  endfunction
  integer i;
  reg [7:0] r;
  initial begin
    $display("fresh %b %b", fresh(8'h5a), fresh(8'ha5));
    $display("parts %b %b", parts(8'h0f, 8'h00), parts(8'h0f, 8'h01));
    $display("twice %b", twice(8'h11));
    for (i = 1; i < 4; i = i + 1) $display("counter %0d", counter(i));
    $display("deep %0d", deep(3));
    r = shown(8'h41);
    $display("shown %h", r);
  end
endmodule
